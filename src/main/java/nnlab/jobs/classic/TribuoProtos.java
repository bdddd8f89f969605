package nnlab.jobs.classic;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * Tribuo models as stored bytes: Tribuo's own protobuf form, gzipped (k-NN's repeats its training set's feature
 * names). Never Java serialisation. Read back only as one of the model classes this server fits, named before
 * anything is built.
 */
final class TribuoProtos {

    static final Set<String> READABLE = Set.of("org.tribuo.common.nearest.KNNModel", "org.tribuo.common.tree.TreeModel",
            "org.tribuo.classification.libsvm.LibSVMClassificationModel");

    private TribuoProtos() {
    }

    static byte[] write(Model<Label> model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            model.serialize().writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static Model<Label> read(byte[] stored) {
        ModelProto proto;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            proto = ModelProto.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored classic model is not a Tribuo model", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!READABLE.contains(proto.getClassName())) {
            throw new IllegalStateException("a stored classic model is a " + proto.getClassName()
                    + ", not one of " + READABLE);
        }
        Model<?> model = Model.deserialize(proto);
        if (!model.validate(Label.class)) throw new IllegalStateException("a stored classic model does not classify");
        return (Model<Label>) model;
    }
}
