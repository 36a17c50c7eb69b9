package kz.qorgau.worklist;

import java.util.List;

/** A start page's sections, each with its first lines and how many there are in all. */
public record WorkList(List<Section> sections) {

    public record Section(WorkSection kind, List<WorkItem> items, long total) {

        public boolean more() {
            return total > items.size();
        }
    }

    public boolean empty() {
        return sections.stream().allMatch(s -> s.total() == 0);
    }
}
