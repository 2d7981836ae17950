package io.rectify.progress;

/** The countable facts of part 一, each with the name under which templates cite its total. */
public enum WorkEventCategory {
    DEPLOYMENT_MEETING("meetings", "动员部署会、常委会会议、专题民主生活会等会议"),
    WORK_GROUP("workGroups", "整改工作组"),
    DISPATCH_MEETING("dispatchMeetings", "调度会"),
    UPWARD_CONTACT("upwardContacts", "向上沟通对接"),
    SUPERVISION_GROUP("supervisionGroups", "督查小组"),
    SUPERVISION_VISIT("supervisionVisits", "帮督"),
    PROBLEM_SOLVED("problemsSolved", "协调解决问题"),
    FIELD_VISIT("fieldVisits", "班子成员深入一线抓整改"),
    RECHECK("rechecks", "实地复核"),
    MECHANISM("mechanisms", "制定完善制度机制"),
    TYPICAL_PRACTICE("typicalPractices", "典型做法交流发言"),
    SECRETARY_MEETING("secretaryMeetings", "书记主持专题会议"),
    KEY_PROBLEM("keyProblems", "重点关注问题"),
    SECRETARY_RESEARCH("secretaryResearchVisits", "书记一线调研"),
    SECRETARY_SUPERVISION("secretaryOnsiteSupervision", "书记现场督办");

    private final String figure;
    private final String label;

    WorkEventCategory(String figure, String label) {
        this.figure = figure;
        this.label = label;
    }

    /** The name templates use: {@code ${f.meetings}}. */
    public String figure() { return figure; }

    public String label() { return label; }
}
