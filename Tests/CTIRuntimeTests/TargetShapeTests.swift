import CTIRuntime
import Testing

/// `TargetShape`: the form a destination's targets must have.
@Suite struct TargetShapeTests {
    let control = TargetShape([.id("processor"), .word("CONTROL")])

    @Test func aPatternReadsAsItsSegmentsAndPrintsBack() {
        #expect(TargetShape(pattern: "{processor}.CONTROL") == control)
        #expect(control.description == "{processor}.CONTROL")
        #expect(TargetShape(pattern: "{agent}.{channel-id}")?.segments == [.id("agent"), .id("channel-id")])
        for bad in ["", ".CONTROL", "{p}..CONTROL", "{}", "x{p}", "{p}x", "{a b}", "CON}TROL"] {
            #expect(TargetShape(pattern: bad) == nil, "\(bad)")
        }
    }

    @Test func aTargetMatchesWhenEverySegmentDoes() {
        #expect(control.matches("proc-1.CONTROL"))
        #expect(!control.matches("proc-1.control"))
        #expect(!control.matches(".CONTROL"))
        #expect(!control.matches("proc-1.CONTROL.extra"))
        #expect(!control.matches("CONTROL"))
        #expect(control.matches(control.example))
        #expect(control.example == "example-processor.CONTROL")
    }
}
