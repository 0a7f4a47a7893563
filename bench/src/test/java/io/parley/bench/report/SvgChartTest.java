package io.parley.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    @Test
    void writesWellFormedSvgWithOneLinePerSeriesAndAHoleForMissingValues() throws Exception {
        String svg = SvgChart.document(List.of(
                new SvgChart("latency <ms>", "ms", true, List.of("50/s", "100/s", "200/s"))
                        .add(new SvgChart.Series("p50", "#111111", new double[] {2, 4, 8}))
                        .add(new SvgChart.Series("p99", "#222222", new double[] {10, Double.NaN, 1000})),
                new SvgChart("rate", "msg/s", false, List.of("50/s", "100/s", "200/s"))
                        .add(new SvgChart.Series("delivered", "#333333", new double[] {50, 100, 150}))));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(8);
        assertThat(svg).contains("latency &lt;ms&gt;");
        String p99 = doc.getElementsByTagName("polyline").item(1).getAttributes().getNamedItem("points").getNodeValue();
        assertThat(p99.split(" ")).hasSize(2);
    }

    @Test
    void aLogarithmicAxisPutsEachDecadeTheSameDistanceApart() {
        String svg = SvgChart.document(List.of(new SvgChart("t", "ms", true, List.of("a", "b", "c"))
                .add(new SvgChart.Series("s", "#000000", new double[] {1, 10, 100}))));

        List<Double> ys = svg.lines().filter(l -> l.startsWith("<circle"))
                .map(l -> Double.parseDouble(l.replaceAll(".*cy=\"([0-9.]+)\".*", "$1"))).toList();
        assertThat(ys.get(0) - ys.get(1)).isCloseTo(ys.get(1) - ys.get(2), within(0.2));
    }

    @Test
    void niceCeilingRoundsUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(SvgChart.niceCeiling(1800)).isEqualTo(2000);
        assertThat(SvgChart.niceCeiling(2100)).isEqualTo(2500);
        assertThat(SvgChart.niceCeiling(51)).isEqualTo(100);
        assertThat(SvgChart.niceCeiling(0)).isZero();
    }
}
