package cn.zz.pipeline.project.api;

import java.util.List;

/** A page of a list: {@code page} is 1-based. */
public record PageView<T>(List<T> items, long total, int page, int size) {
}
