package io.rectify.portal;

/** Page numbers from requests. */
final class Pages {
    private Pages() {}

    static int check(int page) {
        if (page < 0 || page > 100_000) throw new BadRequest("页码无效");
        return page;
    }
}
