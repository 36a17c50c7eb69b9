package kz.qorgau.trafficking;

/** How the victim was recruited (HTCDS "type of recruitment"). */
public enum RecruitmentType {
    PERSONAL_CONTACT,
    JOB_ADVERTISEMENT,
    ONLINE,
    RECRUITMENT_AGENCY,
    FAMILY_MEMBER,
    ABDUCTION,
    OTHER
}
