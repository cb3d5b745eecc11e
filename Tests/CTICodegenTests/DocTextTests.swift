@testable import CTICodegen
import Testing

/// The doc comment paragraphs built from a spec's notes and errata read as sentences.
@Suite struct DocTextTests {
    @Test func aNoteWithoutAPeriodDoesNotRunIntoTheErratumAfterIt() {
        let text = DocText.paragraph(["True if the agent should have email enabled", "Erratum: required: false"])
        #expect(text == "True if the agent should have email enabled. Erratum: required: false.")
    }

    @Test func closingPunctuationIsKeptAndEmptyPiecesAreDropped() {
        #expect(DocText.paragraph(["Is it set?", "", "  ", "Yes!", "Values:", "Done. "]) == "Is it set? Yes! Values: Done.")
    }
}
