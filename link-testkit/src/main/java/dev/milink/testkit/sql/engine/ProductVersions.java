package dev.milink.testkit.sql.engine;

/**
 * Derives ProductLevel / ProductUpdateLevel (RTM, CU17, ...) from a SQL Server build number. Best-effort table
 * of cumulative-update builds for 2019 and 2022 (third version component only); unknown majors give RTM and no
 * update level.
 */
public final class ProductVersions {

    private static final int[] CU_2022 = {4003, 4015, 4025, 4035, 4045, 4053, 4065, 4075, 4085, 4095, 4105, 4115,
        4125, 4135, 4145, 4165, 4175, 4185, 4195, 4205};
    private static final int[] CU_2019 = {4003, 4013, 4023, 4033, 4043, 4053, 4063, 4073, 4102, 4123, 4138, 4153,
        4178, 4188, 4198, 4223, 4249, 4261, 4298, 4312, 4316, 4322, 4335, 4345, 4355, 4375, 4385, 4395, 4405, 4415,
        4420, 4430};

    private ProductVersions() {
    }

    /**
     * @param productVersion SERVERPROPERTY('ProductVersion'), for example {@code 16.0.4135.4}
     * @return the update level such as {@code CU14} for {@code 16.0.4135.4}, or null for RTM/GDR builds
     */
    public static String updateLevel(String productVersion) {
        String[] parts = productVersion.split("\\.");
        if (parts.length < 3) {
            return null;
        }
        int build;
        try {
            build = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            return null;
        }
        int[] table = switch (parts[0]) {
            case "16" -> CU_2022;
            case "15" -> CU_2019;
            default -> new int[0];
        };
        String level = null;
        for (int i = 0; i < table.length; i++) {
            if (build >= table[i]) {
                level = "CU" + (i + 1);
            }
        }
        return level;
    }

    /**
     * @param productVersion SERVERPROPERTY('ProductVersion'), for example {@code 13.0.6300.2}
     * @return the product level: SP3 for 2016 SP3 builds (13.0.6xxx+), RTM otherwise
     */
    public static String productLevel(String productVersion) {
        String[] parts = productVersion.split("\\.");
        if (parts.length >= 3 && "13".equals(parts[0]) && parts[2].compareTo("6000") >= 0 && parts[2].length() == 4) {
            return "SP3";
        }
        return "RTM";
    }
}
