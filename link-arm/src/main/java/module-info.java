/**
 * The ARM requests of Managed Instance steps as plain data ({@link dev.milink.arm.ArmRequest}) and the ARM
 * spellings of milink's values ({@link dev.milink.arm.ArmValues}). Pure: no HTTP client, no JSON library. The
 * script renderer prints these requests and the Azure adapter sends them, so what is reviewed is what runs.
 */
module dev.milink.arm {
    requires transitive dev.milink.api;

    exports dev.milink.arm;
}
