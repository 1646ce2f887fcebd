package cn.zz.pipeline.platform.web;

import java.util.List;

/** A page of a list, the same shape in every service: {@code page} is 1-based. */
public record PageView<T>(List<T> items, long total, int page, int size) {
}
