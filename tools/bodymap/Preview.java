// Preview harness for the body map (not part of the build). Renders templates/painmap/body-map.html to static HTML.
// java -cp "$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" Preview.java <repo root> <en|es> <out.html> [selected,ids] [trigger-points.md]
import java.nio.file.*; import java.util.*;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.springframework.context.support.StaticMessageSource;
public class Preview {
  public static void main(String[] a) throws Exception {
    String root = a[0]; String lang = a[1]; String out = a[2];
    Set<String> sel = new HashSet<>(Arrays.asList(a.length > 3 ? a[3].split(",") : new String[0]));
    // labels from the domain doc's region table (the real page takes them from the model)
    Map<String,String> labels = new LinkedHashMap<>();
    Path doc = Path.of(a.length > 4 ? a[4] : root + "/../shared/domain/trigger-points.md");
    for (String l : Files.readAllLines(doc)) {
      if (!l.matches("^\\| \\d+ \\| .*")) continue;
      String[] c = l.substring(1).split("\\|");
      String base = c[1].trim(), label = c[2].trim().replaceAll("\\s*\\(.*?\\)", ""), pair = c[4].trim();
      if (labels.containsKey(base) || labels.containsKey(base + "_R")) continue;
      if (pair.equals("M")) labels.put(base, label);
      else { labels.put(base + "_R", label + ", right"); labels.put(base + "_L", label + ", left"); }
    }
    StaticMessageSource ms = new StaticMessageSource();
    String block = null;
    for (String l : Files.readAllLines(Path.of(root, "src/main/resources/painmap/body-map-messages.txt"))) {
      if (l.startsWith("# ")) { block = l.substring(2).trim(); continue; }
      int i = l.indexOf('='); if (i > 0) ms.addMessage(l.substring(0,i), Locale.forLanguageTag(block), l.substring(i+1));
    }
    SpringTemplateEngine e = new SpringTemplateEngine();
    FileTemplateResolver r = new FileTemplateResolver(); r.setPrefix(root + "/src/main/resources/templates/"); r.setSuffix(".html"); r.setTemplateMode("HTML"); r.setCacheable(false);
    e.setTemplateResolver(r); e.setTemplateEngineMessageSource(ms);
    Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "bodymap-page.html"), "<!DOCTYPE html><html lang=\"" + lang + "\"><head><title>Body map preview</title><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      + "<link rel=\"stylesheet\" href=\"" + root + "/src/main/resources/static/css/body-map.css\"><style>body{font-family:system-ui,sans-serif;margin:0;background:#fbf8f5;color:#3b322b}main{max-width:1200px;margin:0 auto;padding:16px}h1{font-size:1.4rem;font-weight:600}</style>"
      + "<script src=\"" + root + "/src/main/resources/static/js/body-map.js\" defer></script></head><body><main><h1>Pain finder</h1><form>"
      + "<div th:replace=\"~{painmap/body-map :: bodyMap(${labels}, ${selected})}\"></div></form></main></body></html>");
    FileTemplateResolver r2 = new FileTemplateResolver(); r2.setPrefix(System.getProperty("java.io.tmpdir") + "/"); r2.setSuffix(".html"); r2.setTemplateMode("HTML"); r2.setOrder(0); r2.setCheckExistence(true); r2.setCacheable(false);
    e.addTemplateResolver(r2);
    Context c = new Context(Locale.forLanguageTag(lang)); c.setVariable("labels", labels); c.setVariable("selected", sel);
    Files.writeString(Path.of(out), e.process("bodymap-page", c));
  }
}
