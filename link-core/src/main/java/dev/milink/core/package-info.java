/** milink's runtime: preflight, the converging runner, health and failover gates. */
package dev.milink.core;
