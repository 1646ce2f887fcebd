package cn.zz.pipeline.events;

/** Three-sector classification (三次产业). Serialised by constant name (a code); {@link #label()} is for display only. */
public enum Sector {
  PRIMARY("第一产业"),
  SECONDARY("第二产业"),
  TERTIARY("第三产业");

  private final String label;

  Sector(String label) {
    this.label = label;
  }

  /** Chinese display label, never used on the wire. */
  public String label() {
    return label;
  }
}
