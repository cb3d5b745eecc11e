import CTICodegen
import Testing

/// The build plugin declares its outputs from its own copy of the naming rules (it cannot depend on a library);
/// these tests hold that copy to `OutputNames`, which the tool writes by.
struct PluginNamingTests {
    static let inputs = [
        "session.yaml", "Sources/App/session.cti.yaml", "Sources/Telephony/Spec Files/phone.cti.yaml",
        "my-spec.cti.yml", "9lives.cti.yaml", "two words.cti.yaml", ".cti.yaml", "ümlaut.cti.yaml",
        "call.center.cti.yaml", "UPPER.CTI.YAML", "protocol.cti.yaml", "snake_case_name.cti.yaml",
    ]

    @Test(arguments: inputs)
    func stemMatchesTheTool(_ input: String) {
        #expect(GeneratedFileNames.stem(ofInput: input) == OutputNames.stem(ofInput: input))
        #expect(GeneratedFileNames.sourceName(ofInput: input) == OutputNames.sourceName(ofInput: input))
    }

    @Test
    func declaredSourcesMatchTheTool() throws {
        let inputs = ["Sources/T/phone.cti.yaml", "Sources/T/Spec Files/voice-mail.cti.yaml", "b.cti.yml"]
        let declared = try GeneratedFileNames.sources(forInputs: inputs).get()
        let written = OutputNames.all(forInputs: inputs, options: GeneratorOptions(outputs: [.code]))
        #expect(declared == written[.sources])
        #expect(GeneratedFileNames.fixed == OutputNames.fixedSources)
    }

    @Test
    func clashingInputsAreRefused() {
        let twice = GeneratedFileNames.sources(forInputs: ["a/phone.cti.yaml", "b/phone.cti.yml"])
        #expect(throws: GeneratedFileNames.NameClash.self) { try twice.get() }
        let routing = GeneratedFileNames.sources(forInputs: ["routing.cti.yaml"])
        #expect(throws: GeneratedFileNames.NameClash.self) { try routing.get() }
    }

    @Test
    func specFileConvention() {
        #expect(GeneratedFileNames.isSpecFile("phone.cti.yaml"))
        #expect(GeneratedFileNames.isSpecFile("phone.cti.yml"))
        #expect(!GeneratedFileNames.isSpecFile("phone.yaml"))
        #expect(!GeneratedFileNames.isSpecFile("cti-codegen.yaml"))
        #expect(!GeneratedFileNames.isSpecFile(".github/workflows/ci.yaml"))
    }
}
