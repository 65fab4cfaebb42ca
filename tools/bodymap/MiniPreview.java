// Preview harness for the mini "muscle map" (not part of the build). Renders templates/painmap/mini-map.html:
// the defs once and three sample candidates, to a static page for screenshots and axe.
// java -cp "$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" tools/bodymap/MiniPreview.java <repo root> <en|es> <out.html>
import java.nio.file.*; import java.util.*;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.springframework.context.support.StaticMessageSource;
public class MiniPreview {
  static Set<String> s(String csv) { return csv.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(csv.split(","))); }
  public static void main(String[] a) throws Exception {
    String root = a[0]; String lang = a[1]; String out = a[2];
    StaticMessageSource ms = new StaticMessageSource();
    for (String f : List.of("body-map-messages.txt", "mini-map-messages.txt")) {
      String block = null;
      for (String l : Files.readAllLines(Path.of(root, "src/main/resources/painmap", f))) {
        if (l.startsWith("# ")) { block = l.substring(2).trim(); continue; }
        int i = l.indexOf('='); if (i > 0) ms.addMessage(l.substring(0,i), Locale.forLanguageTag(block), l.substring(i+1));
      }
    }
    // name, primary, secondary, trp, marked
    String[][] samples = {
      {"Quadratus lumborum (right)", "iliac_crest_R,low_back_lateral_R,hip_lateral_R,si_joint_R,buttock_lower_medial_R,sacrum",
       "abdomen_lower_R,groin_R,thigh_lateral_R", "low_back_lateral_R,low_back_paraspinal_R", "low_back_lateral_R,hip_lateral_R,buttock_mid_R"},
      {"Upper trapezius (right)", "neck_lateral_R,mastoid_R,temple_R,jaw_R,occiput_R", "eye_orbit_R,ear_tmj_R,teeth_lower_R",
       "neck_angle_R,shoulder_top_R", "temple_R,neck_lateral_R"},
      {"Gluteus minimus (left)", "buttock_lower_lateral_L,thigh_lateral_L,knee_lateral_L,leg_lateral_L,buttock_lower_medial_L,thigh_back_L,calf_L",
       "ankle_foot_L,hip_lateral_L", "hip_front_L,buttock_upper_outer_L", "thigh_lateral_L,calf_L,leg_lateral_L"},
    };
    StringBuilder cards = new StringBuilder();
    for (int k = 0; k < samples.length; k++)
      cards.append("<section class=\"card\"><h2>").append(samples[k][0]).append("</h2><div class=\"row\"><div th:replace=\"~{painmap/mini-map :: miniMap(${p").append(k)
           .append("}, ${s").append(k).append("}, ${t").append(k).append("}, ${m").append(k).append("})}\"></div><ul class=\"where\"><li>(region list: page author)</li></ul></div></section>");
    cards.append("<section class=\"card\"><h2>Nulls and an unknown id</h2><div class=\"row\"><div th:replace=\"~{painmap/mini-map :: miniMap(null, ${bad}, null, null)}\"></div></div></section>");
    Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "minimap-page.html"), "<!DOCTYPE html><html lang=\"" + lang + "\"><head><title>Mini map preview</title><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      + "<link rel=\"stylesheet\" href=\"" + root + "/src/main/resources/static/css/mini-map.css\"><style>body{font-family:system-ui,sans-serif;margin:0;background:#fbf8f5;color:#3b322b}main{max-width:1200px;margin:0 auto;padding:16px}h1{font-size:1.4rem;font-weight:600}"
      + ".card{background:#fff;border:1px solid #eadfd5;border-radius:.75rem;padding:.75rem;margin:0 0 1rem}.card h2{font-size:1.05rem;margin:0 0 .5rem}.row{display:flex;gap:1rem;align-items:flex-start}.where{margin:0;padding-left:1rem;font-size:.9rem}"
      + "@media(min-width:1024px){.cards{display:grid;grid-template-columns:1fr 1fr;gap:1rem}}</style></head><body>"
      + "<div th:replace=\"~{painmap/mini-map :: miniMapDefs}\"></div><main><h1>Results</h1><div class=\"cards\">" + cards + "</div></main></body></html>");
    SpringTemplateEngine e = new SpringTemplateEngine();
    FileTemplateResolver r = new FileTemplateResolver(); r.setPrefix(root + "/src/main/resources/templates/"); r.setSuffix(".html"); r.setTemplateMode("HTML"); r.setCacheable(false);
    FileTemplateResolver r2 = new FileTemplateResolver(); r2.setPrefix(System.getProperty("java.io.tmpdir") + "/"); r2.setSuffix(".html"); r2.setTemplateMode("HTML"); r2.setOrder(0); r2.setCheckExistence(true); r2.setCacheable(false);
    e.setTemplateResolver(r2); e.addTemplateResolver(r); e.setTemplateEngineMessageSource(ms);
    Context c = new Context(Locale.forLanguageTag(lang));
    for (int k = 0; k < samples.length; k++) {
      c.setVariable("p" + k, s(samples[k][1])); c.setVariable("s" + k, s(samples[k][2])); c.setVariable("t" + k, s(samples[k][3])); c.setVariable("m" + k, s(samples[k][4]));
    }
    c.setVariable("bad", s("not_a_region,calf_R\"><script>x</script>"));
    String html = e.process("minimap-page", c);
    Files.writeString(Path.of(out), html);
    // per-map size: each rendered <svg class="mini-map" ...>...</svg>
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<svg class=\"mini-map\".*?</svg>", java.util.regex.Pattern.DOTALL).matcher(html);
    while (m.find()) System.out.println("miniMap bytes: " + m.group().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    m = java.util.regex.Pattern.compile("<svg class=\"mini-map-defs\".*?</svg>", java.util.regex.Pattern.DOTALL).matcher(html);
    if (m.find()) System.out.println("miniMapDefs bytes: " + m.group().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }
}
