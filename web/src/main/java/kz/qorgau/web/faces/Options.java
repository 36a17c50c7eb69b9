package kz.qorgau.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.Sex;
import kz.qorgau.reference.Region;
import kz.qorgau.reference.ReferenceData;

import java.util.List;

/** Choices offered by forms; labels come from the page bundle or the reference data in the view's language. */
@Named
@ApplicationScoped
public class Options {

    @Inject
    ReferenceData reference;

    private volatile List<Region> regions;

    public List<Region> getRegions() {
        if (regions == null) {
            regions = reference.regions();
        }
        return regions;
    }

    public Sex[] getSexes() {
        return Sex.values();
    }

    public CaseKind[] getCaseKinds() {
        return CaseKind.values();
    }

    public GbvType[] getGbvTypes() {
        return GbvType.values();
    }
}
