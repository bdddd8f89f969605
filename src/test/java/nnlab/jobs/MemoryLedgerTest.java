package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryLedgerTest {

    private static final long MB = 1L << 20;

    @Test
    void theBudgetIsTheHeapLessTheReserve() {
        assertThat(MemoryLedger.forHeap(768 * MB, 256 * MB).budget()).isEqualTo(512 * MB);
        assertThat(MemoryLedger.forHeap(200 * MB, 256 * MB).budget()).isZero();
    }

    @Test
    void jobsSharingADataSetReserveItOnce() {
        MemoryLedger ledger = new MemoryLedger(500 * MB);
        MemoryEstimate mnist = new MemoryEstimate("mnist", 220 * MB, 40 * MB);
        assertThat(ledger.tryReserve("a", mnist)).isTrue();
        assertThat(ledger.reserved()).isEqualTo(260 * MB);
        assertThat(ledger.tryReserve("b", mnist)).isTrue();
        assertThat(ledger.reserved()).isEqualTo(300 * MB);
        // a different data set of the same size does not fit next to them: 300 + 260 > 500
        assertThat(ledger.tryReserve("c", new MemoryEstimate("mnist-standard", 220 * MB, 40 * MB))).isFalse();
        assertThat(ledger.holds("c")).isFalse();
        assertThat(ledger.reserved()).isEqualTo(300 * MB);
    }

    @Test
    void theDataSetIsFreedWithItsLastJob() {
        MemoryLedger ledger = new MemoryLedger(500 * MB);
        MemoryEstimate mnist = new MemoryEstimate("mnist", 220 * MB, 40 * MB);
        ledger.tryReserve("a", mnist);
        ledger.tryReserve("b", mnist);
        assertThat(ledger.release("a")).isTrue();
        assertThat(ledger.reserved()).isEqualTo(260 * MB);
        assertThat(ledger.release("a")).isFalse();
        assertThat(ledger.release("b")).isTrue();
        assertThat(ledger.reserved()).isZero();
        assertThat(ledger.tryReserve("c", new MemoryEstimate("other", 220 * MB, 40 * MB))).isTrue();
    }

    @Test
    void reservingTwiceCountsOnce() {
        MemoryLedger ledger = new MemoryLedger(100 * MB);
        MemoryEstimate small = new MemoryEstimate("spiral", MB, 2 * MB);
        assertThat(ledger.tryReserve("a", small)).isTrue();
        assertThat(ledger.tryReserve("a", small)).isTrue();
        assertThat(ledger.reserved()).isEqualTo(3 * MB);
    }

    @Test
    void aJobLargerThanTheBudgetNeverFits() {
        MemoryLedger ledger = new MemoryLedger(100 * MB);
        MemoryEstimate huge = new MemoryEstimate("x", 90 * MB, 20 * MB);
        assertThat(ledger.fitsAlone(huge)).isFalse();
        assertThat(ledger.tryReserve("a", huge)).isFalse();
        assertThat(ledger.fitsAlone(new MemoryEstimate("x", 90 * MB, 10 * MB))).isTrue();
    }
}
