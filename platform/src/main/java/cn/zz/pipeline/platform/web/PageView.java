package cn.zz.pipeline.platform.web;

import java.util.List;
import java.util.function.LongSupplier;

/** A page of a list, the same shape in every service: {@code page} is 1-based. */
public record PageView<T>(List<T> items, long total, int page, int size) {

    /**
     * A page whose total is counted only when needed: a first page that is not full already holds everything, so
     * the count query is skipped.
     */
    public static <T> PageView<T> of(List<T> items, int page, int size, LongSupplier count) {
        long total = page == 1 && items.size() < size ? items.size() : count.getAsLong();
        return new PageView<>(items, total, page, size);
    }
}
