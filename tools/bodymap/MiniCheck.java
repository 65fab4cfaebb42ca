// axe-core on the mini-map preview page (not part of the build).
// java -cp "<test classpath>" tools/bodymap/MiniCheck.java <rendered.html> <width,height>
import org.openqa.selenium.*; import org.openqa.selenium.chrome.*;
import com.deque.html.axecore.selenium.AxeBuilder; import com.deque.html.axecore.results.*;
public class MiniCheck {
  public static void main(String[] a) throws Exception {
    ChromeOptions o = new ChromeOptions(); o.setBinary("/usr/bin/chromium");
    o.addArguments("--headless=new","--no-sandbox","--disable-gpu","--disable-dev-shm-usage","--window-size=" + a[1]);
    ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
    WebDriver d = new ChromeDriver(svc, o);
    try {
      d.get("file://" + a[0]);
      JavascriptExecutor js = (JavascriptExecutor) d;
      System.out.println("map widths: " + js.executeScript("return [...document.querySelectorAll('svg.mini-map')].map(s=>Math.round(s.getBoundingClientRect().width)+'x'+Math.round(s.getBoundingClientRect().height)).join(' ')"));
      System.out.println("defs box: " + js.executeScript("var b=document.querySelector('.mini-map-defs').getBoundingClientRect();return b.width+'x'+b.height"));
      System.out.println("hatch fill: " + js.executeScript("var u=document.querySelector('use.mm-secondary');return u?getComputedStyle(u).fill:'none'"));
      Results r = new AxeBuilder().analyze(d);
      for (Rule v : r.getViolations()) System.out.println("AXE " + v.getId() + " " + v.getImpact() + " " + v.getNodes().size() + " " + v.getHelp() + " e.g. " + v.getNodes().get(0).getTarget());
      for (Rule v : r.getIncomplete()) System.out.println("AXE incomplete " + v.getId() + " " + v.getNodes().size());
      System.out.println("axe violations: " + r.getViolations().size() + ", passes: " + r.getPasses().size());
    } finally { d.quit(); }
  }
}
