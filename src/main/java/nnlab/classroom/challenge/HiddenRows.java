package nnlab.classroom.challenge;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import nnlab.classroom.challenge.ChallengeRepository.Stored;
import nnlab.data.HeldOut;
import org.springframework.stereotype.Component;

/**
 * Where {@link HeldOut} finds the hidden rows of a challenge it does not know: one opened on another instance of
 * the same database, perhaps after this one started. Asked only for a data set and seed not yet known here; what
 * it finds is kept there (a challenge's data and hidden seed never change).
 */
@Component
class HiddenRows implements HeldOut.Lookup {

    private final ChallengeRepository repository;

    HiddenRows(ChallengeRepository repository) {
        this.repository = repository;
    }

    @PostConstruct
    void lookUp() {
        HeldOut.lookUpIn(this);
    }

    @PreDestroy
    void stop() {
        HeldOut.stopLookingUpIn(this);
    }

    @Override
    public int[] rows(String dataset, long seed) {
        for (Stored s : repository.onSeed(seed)) {
            if (s.challenge().dataset().name().equals(dataset)) {
                return HiddenSet.heldOutRows(s.challenge().dataset(), s.hiddenSeed());
            }
        }
        return null;
    }
}
