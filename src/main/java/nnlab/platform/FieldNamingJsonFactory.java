package nnlab.platform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * A JSON reader that says where a bound of the reader (the digits of a number, levels of nesting) was
 * passed: the field being read, as a JSON pointer ({@code /training/epochs}), so that the 400 can name it.
 */
class FieldNamingJsonFactory extends JsonFactory {

    FieldNamingJsonFactory() {
    }

    private FieldNamingJsonFactory(FieldNamingJsonFactory source) {
        super(source, null);
    }

    @Override
    public JsonFactory copy() {
        return new FieldNamingJsonFactory(this);
    }

    /** A bound of the reader passed while reading the value at {@code pointer}. */
    static final class PastLimitException extends StreamConstraintsException {
        private final String pointer;

        PastLimitException(StreamConstraintsException e, String pointer) {
            super(e.getOriginalMessage(), e.getLocation() == null ? JsonLocation.NA : e.getLocation());
            this.pointer = pointer;
        }

        String pointer() {
            return pointer;
        }
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new Naming(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader r, IOContext context) throws IOException {
        return new Naming(super._createParser(r, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int len, IOContext context, boolean recyclable)
            throws IOException {
        return new Naming(super._createParser(data, offset, len, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext context) throws IOException {
        return new Naming(super._createParser(data, offset, len, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new Naming(super._createParser(input, context));
    }

    private static final class Naming extends JsonParserDelegate {
        Naming(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            try {
                return delegate.nextToken();
            } catch (PastLimitException e) {
                throw e;
            } catch (StreamConstraintsException e) {
                throw new PastLimitException(e, delegate.getParsingContext().pathAsPointer().toString());
            }
        }

        @Override
        public JsonToken nextValue() throws IOException {
            try {
                return delegate.nextValue();
            } catch (PastLimitException e) {
                throw e;
            } catch (StreamConstraintsException e) {
                throw new PastLimitException(e, delegate.getParsingContext().pathAsPointer().toString());
            }
        }
    }
}
