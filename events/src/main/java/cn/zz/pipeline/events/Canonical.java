package cn.zz.pipeline.events;

import java.util.concurrent.ConcurrentHashMap;

/** One shared copy of each of a few strings that recur in every event; past {@code limit} values pass as they are. */
final class Canonical {

    private final ConcurrentHashMap<String, String> copies = new ConcurrentHashMap<>();
    private final int limit;

    Canonical(int limit) {
        this.limit = limit;
    }

    String canonical(String value) {
        if (value == null) {
            return null;
        }
        String copy = copies.get(value);
        if (copy != null) {
            return copy;
        }
        if (copies.size() >= limit) {
            return value;
        }
        copy = copies.putIfAbsent(value, value);
        return copy == null ? value : copy;
    }
}
