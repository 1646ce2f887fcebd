package cn.zz.pipeline.project.imports;

/** A column of an import template: the header the template writes and the API field it fills. */
interface TemplateColumn {

    String header();

    String field();
}
