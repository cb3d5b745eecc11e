// swift-tools-version: 6.0
// A package that uses cti-codegen the way a user's package does: it depends on it by path (a user would write
// .package(url: "<cti-codegen repository>", from: "<version>")) and applies its plugins.
import PackageDescription

let package = Package(
    name: "PluginConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "cti-codegen", path: "../../.."),
    ],
    targets: [
        // Its own invented destination, Sources/Telephony/Spec Files/phone.cti.yaml, generated at build time;
        // Spec Files/cti-codegen.yaml sets a name prefix and leaves the access level internal.
        .target(
            name: "Telephony",
            dependencies: [.product(name: "CTIRuntime", package: "cti-codegen")],
            plugins: [.plugin(name: "CTICodegenPlugin", package: "cti-codegen")]
        ),
        // session.cti.yaml is a symbolic link to the repository's spec/session.yaml; cti-codegen.yaml: access public.
        .target(
            name: "SessionBindings",
            dependencies: [.product(name: "CTIRuntime", package: "cti-codegen")],
            plugins: [.plugin(name: "CTICodegenPlugin", package: "cti-codegen")]
        ),
        // Imports the generated public API of SessionBindings and implements its handler.
        .target(
            name: "SessionApp",
            dependencies: ["SessionBindings", .product(name: "CTIRuntime", package: "cti-codegen")]
        ),
        // Committed output: no build plugin; `swift package --allow-writing-to-package-directory
        // generate-cti-code --target Voicemail` regenerates Sources/Voicemail/Generated/ from voicemail.cti.yaml.
        .target(
            name: "Voicemail",
            dependencies: [.product(name: "CTIRuntime", package: "cti-codegen")],
            exclude: ["voicemail.cti.yaml"]
        ),
        .testTarget(
            name: "PluginConsumerTests",
            dependencies: [
                "Telephony", "SessionBindings", "SessionApp", "Voicemail",
                .product(name: "CTIRuntime", package: "cti-codegen"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
