package kz.qorgau.casefile;

/** Documents a foreigner or stateless person may show. */
public enum IdentityDocumentType {
    PASSPORT,
    RESIDENCE_PERMIT,
    STATELESS_PERSON_CERTIFICATE,
    REFUGEE_CERTIFICATE,
    BIRTH_CERTIFICATE,
    OTHER
}
