package io.rectify.portal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** A document stored with findings is listed, and shown, as incomplete, with what is missing. */
class IncompleteDocumentsTest extends PortalTest {

    @Test
    void findingsAreShownWhereTheDocumentIsListed() throws Exception {
        long doc = fixture.otherBulletin();
        jdbc.sql("INSERT INTO document_finding (document_id, seq, part, item, message) VALUES (?, 1, '二（一）', '第3项',"
                + " '缺少公开表述')").param(doc).update();
        try {
            mvc.perform(get("/documents").with(as("bob"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("未完成：1 处待补")))
                    .andExpect(content().string(containsString("二（一） 第3项：缺少公开表述")));
            mvc.perform(get("/documents/" + doc).with(as("bob"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("未完成：1 处待补")));
            // the demo's bulletin is complete
            mvc.perform(get("/documents/" + fixture.bulletin()).with(as("alice"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("<dd>完整</dd>")))
                    .andExpect(content().string(not(containsString("未完成"))));
        } finally {
            jdbc.sql("DELETE FROM document_finding WHERE document_id = ?").param(doc).update();
        }
    }
}
