/**
 * ARM requests of Managed Instance steps ({@link dev.milink.arm.ArmRequests}) and ARM's spellings of milink's
 * values ({@link dev.milink.arm.ArmValues}).
 */
package dev.milink.arm;
