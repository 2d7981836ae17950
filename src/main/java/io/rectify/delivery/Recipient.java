package io.rectify.delivery;

/** A leader who receives a round's quarterly brief ({@code recipient}). */
public record Recipient(long id, long roundId, String name, String title, String email, boolean active) {

    /** 区委书记 张三 or just the name, as it is shown in lists. */
    public String display() {
        return title == null || title.isBlank() ? name : title + " " + name;
    }
}
