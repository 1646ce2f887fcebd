package cn.zz.pipeline.reporting;

import cn.zz.pipeline.testsupport.KafkaResource;
import cn.zz.pipeline.testsupport.KeycloakResource;
import cn.zz.pipeline.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL, Kafka and Keycloak for every test of this module. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(KeycloakResource.class)
public class TestResources {
}
