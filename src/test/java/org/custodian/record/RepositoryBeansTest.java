package org.custodian.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

@IntegrationTest
class RepositoryBeansTest {
    @Autowired
    ChartRepository charts;
    @Autowired
    FacilityRepository facilities;

    @Test
    void repositoriesWithoutTransactionsAreThePlainClassesNotProxies() {
        assertThat(AopUtils.isAopProxy(charts)).isFalse();
        assertThat(AopUtils.isAopProxy(facilities)).isFalse();
    }

    @Test
    void aFailedStatementStillSurfacesAsSpringsDataAccessException() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Facility first = facilities.ensure(new Facility(UUID.randomUUID(), "DUP-" + suffix, "First", FacilityType.HOSPITAL,
                null, null));
        Facility sameId = new Facility(first.id(), "DUP2-" + suffix, "Second", FacilityType.HOSPITAL, null, null);
        assertThatThrownBy(() -> facilities.ensure(sameId)).isInstanceOf(DuplicateKeyException.class);
    }
}
