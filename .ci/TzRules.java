/** Prints the tz database release this JDK's time-zone rules come from, e.g. 2026f (run: java .ci/TzRules.java). */
public class TzRules {
    public static void main(String[] args) {
        System.out.println(java.time.zone.ZoneRulesProvider.getVersions("UTC").lastKey());
    }
}
