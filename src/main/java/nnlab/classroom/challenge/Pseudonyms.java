package nnlab.classroom.challenge;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A student's name on a challenge's leaderboard when the instructor hides names: two words and a number,
 * from a hash of the student and a secret of the challenge, so the same student keeps it on that board but
 * cannot be followed from one challenge to another.
 */
final class Pseudonyms {

    private static final List<String> ADJECTIVES = List.of("Amber", "Brisk", "Calm", "Daring", "Eager", "Fuzzy",
            "Gentle", "Happy", "Indigo", "Jolly", "Keen", "Lucky", "Mellow", "Nimble", "Olive", "Plucky", "Quiet",
            "Rapid", "Sunny", "Tidy", "Upbeat", "Vivid", "Witty", "Zesty");
    private static final List<String> ANIMALS = List.of("Otter", "Falcon", "Lynx", "Heron", "Panda", "Gecko", "Koala",
            "Marten", "Newt", "Ibis", "Puffin", "Quokka", "Raven", "Stoat", "Tapir", "Walrus", "Yak", "Zebra", "Badger",
            "Crane", "Dingo", "Egret", "Ferret", "Bison");

    private Pseudonyms() {
    }

    static String of(long secret, long studentId) {
        byte[] h = sha256(ByteBuffer.allocate(16).putLong(secret).putLong(studentId).array());
        int a = Math.floorMod(h[0], ADJECTIVES.size());
        int b = Math.floorMod(h[1], ANIMALS.size());
        int n = Math.floorMod(ByteBuffer.wrap(h, 2, 2).getShort(), 100);
        return ADJECTIVES.get(a) + " " + ANIMALS.get(b) + " " + n;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
