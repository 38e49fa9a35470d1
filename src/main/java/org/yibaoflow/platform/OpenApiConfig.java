package org.yibaoflow.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI description of the domain API (/api/**), served with Swagger UI to authenticated users. */
@Configuration
class OpenApiConfig {

  @Bean
  OpenAPI yibaoFlowOpenApi() {
    return new OpenAPI()
        .info(new Info().title("yibao-flow API").version("v1")
            .description("医保定点医药机构协议管理 / agreement management of designated medical institutions"))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
