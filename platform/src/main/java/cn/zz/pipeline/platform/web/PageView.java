package cn.zz.pipeline.platform.web;

import java.util.List;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a list, the same shape in every service: {@code page} is 1-based. */
public record PageView<T>(
        @Schema(required = true, description = "本页条目 (the items of this page)") List<T> items,
        @Schema(required = true, description = "总条数 (items in the whole list)", minimum = "0") long total,
        @Schema(required = true, description = "页码，从 1 开始 (page, 1-based)", minimum = "1") int page,
        @Schema(required = true, description = "每页条数 (page size)", minimum = "1") int size) {

    /**
     * A page whose total is counted only when needed: a first page that is not full already holds everything, so
     * the count query is skipped.
     */
    public static <T> PageView<T> of(List<T> items, int page, int size, LongSupplier count) {
        long total = page == 1 && items.size() < size ? items.size() : count.getAsLong();
        return new PageView<>(items, total, page, size);
    }
}
