package nnlab.jobs.classic;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.tribuo.protos.core.ModelProto;

/** Stored bytes become a model only when they name one of the model classes the server fits. */
class TribuoProtosTest {

    @Test
    void aProtoNamingAnotherClassIsRefusedBeforeAnythingIsBuilt() throws IOException {
        for (String name : new String[]{"java.lang.Runtime", "org.tribuo.classification.baseline.DummyClassifierModel"}) {
            byte[] stored = gzip(ModelProto.newBuilder().setVersion(0).setClassName(name).build().toByteArray());
            assertThatThrownBy(() -> TribuoProtos.read(stored)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is a " + name + ", not one of");
        }
    }

    @Test
    void bytesThatAreNotAModelAreRefused() throws IOException {
        byte[] stored = gzip(new byte[]{(byte) 0xff, 0x01, 0x02, 0x03});
        assertThatThrownBy(() -> TribuoProtos.read(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a Tribuo model");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }
}
