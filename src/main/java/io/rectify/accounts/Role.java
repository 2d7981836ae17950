package io.rectify.accounts;

/** Who a user is on the web page: a secretary or leader sees the rounds given to them, an administrator all. */
public enum Role {
    SECRETARY("整改办秘书"),
    LEADER("领导"),
    ADMIN("管理员"),
    /** A 责任单位's contact: its unit's measures only (延期 requests, 销号 with evidence), in the rounds given. */
    UNIT("责任单位联系人");

    private final String label;

    Role(String label) { this.label = label; }

    public String label() { return label; }

    public String authority() { return "ROLE_" + name(); }
}
