// Browser check for the body map (not part of the build): clicks, keyboard, list sync, hit-testing of every region, axe.
// java -cp "<test classpath>" Check.java <rendered.html> <width,height> <screenshot prefix>
import java.nio.file.*; import java.util.*; import java.time.Duration;
import org.openqa.selenium.*; import org.openqa.selenium.chrome.*; import org.openqa.selenium.interactions.Actions;
import com.deque.html.axecore.selenium.AxeBuilder; import com.deque.html.axecore.results.*;
public class Check {
  public static void main(String[] a) throws Exception {
    ChromeOptions o = new ChromeOptions(); o.setBinary("/usr/bin/chromium");
    o.addArguments("--headless=new","--no-sandbox","--disable-gpu","--disable-dev-shm-usage","--window-size=" + a[1]);
    ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
    WebDriver d = new ChromeDriver(svc, o);
    try {
      d.get("file://" + a[0]);
      JavascriptExecutor js = (JavascriptExecutor) d;
      System.out.println("js class: " + d.findElement(By.cssSelector(".bm")).getAttribute("class"));
      System.out.println("details open: " + d.findElement(By.cssSelector(".bm-list")).getAttribute("open"));
      WebElement sl = d.findElement(By.cssSelector(".bm-svg--front [data-region=shoulder_lateral_R]"));
      new Actions(d).moveToElement(sl).click().perform();
      System.out.println("click shoulder_lateral_R front: front=" + sl.getAttribute("aria-checked") + " back=" + d.findElement(By.cssSelector(".bm-svg--back [data-region=shoulder_lateral_R]")).getAttribute("aria-checked")
        + " box=" + js.executeScript("return document.querySelector('input[value=shoulder_lateral_R]').checked"));
      // keyboard: focus body then tab
      js.executeScript("document.activeElement && document.activeElement.blur(); document.querySelector('h1').setAttribute('tabindex','-1'); document.querySelector('h1').focus()");
      new Actions(d).sendKeys(Keys.TAB).perform();
      System.out.println("after tab focus: " + js.executeScript("var e=document.activeElement;return e.getAttribute('data-region')+' '+e.getAttribute('aria-label')+' in '+e.closest('svg').getAttribute('class')"));
      String[] path = {"ARROW_DOWN","ARROW_DOWN","ARROW_DOWN","ARROW_LEFT","ARROW_DOWN","ARROW_DOWN","ARROW_DOWN","ARROW_DOWN","ARROW_DOWN","ARROW_RIGHT","ARROW_RIGHT","ARROW_UP"};
      for (String k : path) { new Actions(d).sendKeys(Keys.valueOf(k)).perform(); System.out.print(k + "->" + js.executeScript("return document.activeElement.getAttribute('data-region')") + "  "); }
      System.out.println();
      new Actions(d).sendKeys(Keys.SPACE).perform();
      System.out.println("space on " + js.executeScript("var e=document.activeElement;return e.getAttribute('data-region')+' aria-checked='+e.getAttribute('aria-checked')+' box='+document.querySelector('input[value='+e.getAttribute('data-region')+']').checked"));
      Files.write(Path.of(a[2] + "-focus.png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
      new Actions(d).sendKeys(Keys.TAB).perform();
      System.out.println("2nd tab: " + js.executeScript("var e=document.activeElement;return e.tagName+' '+e.getAttribute('data-region')+' '+(e.closest('svg')?e.closest('svg').getAttribute('class'):'')"));
      new Actions(d).sendKeys(Keys.TAB).perform();
      System.out.println("3rd tab: " + js.executeScript("var e=document.activeElement;return e.tagName+' '+e.getAttribute('data-region')+' '+(e.closest('svg')?e.closest('svg').getAttribute('class'):'')"));
      new Actions(d).sendKeys(Keys.TAB).perform();
      System.out.println("4th tab: " + js.executeScript("var e=document.activeElement;return e.tagName+' '+e.textContent"));
      // checkbox -> map
      d.findElement(By.cssSelector(".bm-list > summary")).click();
      WebElement cb = d.findElement(By.cssSelector("input[value=calf_L]"));
      js.executeScript("arguments[0].scrollIntoView()", cb); cb.click();
      System.out.println("checkbox calf_L -> map: " + d.findElement(By.cssSelector("[data-region=calf_L]")).getAttribute("aria-checked") + " class=" + d.findElement(By.cssSelector("[data-region=calf_L]")).getAttribute("class"));
      // every region clickable at its centre? (hit test)
      Object miss = js.executeScript(
        "var out=[],n=0;document.querySelectorAll('[data-region]').forEach(function(r){var p=r.querySelector('.bm-s');var b=p.getBBox();var svg=p.ownerSVGElement;var pt=svg.createSVGPoint();var found=null;" +
        "var bd=1e9;for(var gy=1;gy<12;gy++)for(var gx=1;gx<12;gx++){var x=b.x+b.width*gx/12,y=b.y+b.height*gy/12;pt.x=x;pt.y=y;var dd=Math.pow(gx-6,2)+Math.pow(gy-6,2);if(p.isPointInFill(pt)&&dd<bd){bd=dd;found=[x,y];}}" +
        "if(!found){out.push(r.getAttribute('data-region')+' no interior');return;}" +
        "r.scrollIntoView({block:'center'});var m=p.getScreenCTM();var cx=m.a*found[0]+m.c*found[1]+m.e,cy=m.b*found[0]+m.d*found[1]+m.f;var e=document.elementFromPoint(cx,cy);n++;" +
        "var h=e&&(e.closest('[data-region]')||(e.closest('[data-hit]')&&e.closest('svg').querySelector('[data-region=\"'+e.closest('[data-hit]').getAttribute('data-hit')+'\"]')));" +
        "if(h!==r)out.push(r.getAttribute('data-region')+'->'+(h?h.getAttribute('data-region'):e&&e.tagName));});return n+' tested; misses: '+out.join(', ');");
      System.out.println("centre hit-test misses:\n" + miss);
      Object sizes = js.executeScript("var out=[];document.querySelectorAll('[data-region]').forEach(function(r){var b=r.querySelector('.bm-s').getBoundingClientRect();if(Math.min(b.width,b.height)<16)out.push(r.getAttribute('data-region')+'('+r.closest('svg').getAttribute('class').replace('bm-svg bm-svg--','')+') '+Math.round(b.width)+'x'+Math.round(b.height));});return out.length+': '+out.join(', ');");
      System.out.println("regions with a side < 16px: " + sizes);
      js.executeScript("window.scrollTo(0,0)");
      Results r = new AxeBuilder().analyze(d);
      for (Rule v : r.getViolations()) System.out.println("AXE " + v.getId() + " " + v.getImpact() + " " + v.getNodes().size() + " " + v.getHelp() + " e.g. " + v.getNodes().get(0).getTarget());
      System.out.println("axe violations: " + r.getViolations().size());
    } finally { d.quit(); }
  }
}
