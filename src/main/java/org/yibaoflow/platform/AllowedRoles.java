package org.yibaoflow.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a domain API operation. {@link RoleCheck} enforces it on every {@code /api} handler
 * method: a method (or its controller class) without this annotation answers 403 to everybody. Region scoping is
 * the services' job ({@link RegionAccess}); this says who, not where.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowedRoles {

  Role[] value();
}
