// swift-tools-version: 6.0
// A package that uses cti-codegen's build plugin and CTITransport together, as a bridge client's package does:
// its own destination (Sources/Phone/phone.cti.yaml, a symbolic link to the PluginConsumer's phone spec) is
// generated at build time, and phone-client serves the generated example handler over CTITransport. CI runs
// phone-client against cti-bridge (Tests/Integration/transport-checks.sh).
import PackageDescription

let package = Package(
    name: "TransportConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "cti-codegen", path: "../../.."),
    ],
    targets: [
        .target(
            name: "Phone",
            dependencies: [.product(name: "CTIRuntime", package: "cti-codegen")],
            plugins: [.plugin(name: "CTICodegenPlugin", package: "cti-codegen")]
        ),
        .executableTarget(
            name: "phone-client",
            dependencies: [
                "Phone",
                .product(name: "CTIRuntime", package: "cti-codegen"),
                .product(name: "CTITransport", package: "cti-codegen"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
