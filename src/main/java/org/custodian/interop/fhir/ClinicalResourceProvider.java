package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.custodian.record.ClinicalQueries;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Read, vread, create, update, delete and instance and type {@code _history} of one clinical fact
 * type (Encounter, Condition, Procedure, Observation), the same for each; the subclasses add the
 * search with that type's own parameters.
 *
 * @param <R> the FHIR resource
 * @param <T> the record's fact it maps
 */
public abstract class ClinicalResourceProvider<R extends Resource, T> implements IResourceProvider {
    protected final ClinicalDoors doors;
    private final Class<R> type;
    private final ClinicalQueries.Kind kind;
    private final Function<UUID, Optional<T>> finder;
    private final Function<T, R> mapping;

    ClinicalResourceProvider(ClinicalDoors doors, Class<R> type, ClinicalQueries.Kind kind,
                             Function<UUID, Optional<T>> finder, Function<T, R> mapping) {
        this.doors = doors;
        this.type = type;
        this.kind = kind;
        this.finder = finder;
        this.mapping = mapping;
    }

    @Override
    public Class<R> getResourceType() {
        return type;
    }

    @Read(version = true)
    public R read(@IdParam IdType id) {
        return doors.reads.read(kind, id, finder, mapping);
    }

    @Create
    public MethodOutcome create(@ResourceParam R resource, @ConditionalUrlParam String conditional) {
        return doors.crud.create(resource, conditional);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam R resource) {
        return doors.crud.update(id, resource);
    }

    /** Marks the resource entered-in-error; nothing is removed from the record ({@link ResourceDeletes}). */
    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        return doors.deletes.delete(id);
    }

    @History
    public List<IBaseResource> history(@IdParam IdType id) {
        return doors.history.history(id);
    }

    @History
    public IBundleProvider typeHistory(@Since InstantType since, @Offset Integer offset, @Count Integer count) {
        return doors.typeHistory.of(type.getSimpleName(), since == null || since.getValue() == null ? null
                : since.getValue().toInstant(), offset, count);
    }
}
