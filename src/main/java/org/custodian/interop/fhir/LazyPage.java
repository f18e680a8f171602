package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * Search matches that become resources only for the page asked for: a search matching a thousand
 * patients maps twenty of them when {@code _count=20}. HAPI's paging keeps it for the next pages.
 */
final class LazyPage<T> implements IBundleProvider {
    private final List<T> matches;
    private final Function<List<T>, List<? extends IBaseResource>> mapping;
    private final InstantType published = InstantType.withCurrentTime();
    private final String uuid = UUID.randomUUID().toString();
    private final Integer offset;
    private final Integer pageSize;

    LazyPage(List<T> matches, Function<List<T>, List<? extends IBaseResource>> mapping) {
        this(matches, mapping, null, null);
    }

    /**
     * One page of the matches for HAPI's offset paging ({@code _offset}, {@code _count}, as history
     * is paged): positions count from {@code offset}.
     */
    LazyPage(List<T> matches, Function<List<T>, List<? extends IBaseResource>> mapping, Integer offset, Integer pageSize) {
        this.matches = List.copyOf(matches);
        this.mapping = mapping;
        this.offset = offset;
        this.pageSize = pageSize;
    }

    @Override
    public Integer getCurrentPageOffset() {
        return offset;
    }

    @Override
    public Integer getCurrentPageSize() {
        return offset == null ? null : pageSize;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return published;
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        int skip = offset == null ? 0 : offset;
        int from = Math.max(0, Math.min(fromIndex + skip, matches.size()));
        int to = Math.max(from, Math.min(toIndex + skip, matches.size()));
        return List.copyOf(mapping.apply(matches.subList(from, to)));
    }

    @Override
    public String getUuid() {
        return uuid;
    }

    @Override
    public Integer preferredPageSize() {
        return null;
    }

    @Override
    public Integer size() {
        return matches.size();
    }
}
