// swift-tools-version: 6.0
// The benchmarks of cti-codegen: a package of their own, so the product's dependency graph does
// not grow. See ../BENCHMARKS.md for what each one measures and the figures.
import PackageDescription

let package = Package(
    name: "cti-codegen-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "cti-codegen", path: ".."),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Counts heap allocations (Linux/glibc) for the allocations-per-frame figures.
        .target(name: "MallocCounter"),
        .executableTarget(
            name: "RuntimeBenchmarks",
            dependencies: [
                "MallocCounter",
                .product(name: "CTIRuntime", package: "cti-codegen"),
                .product(name: "CTIMessages", package: "cti-codegen"),
            ]
        ),
        // The floor client of the bridge load benchmark: echoes headers on raw swift-nio.
        .executableTarget(
            name: "RawEchoClient",
            dependencies: [
                .product(name: "CTIRuntime", package: "cti-codegen"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "CheckDiffBenchmarks",
            dependencies: [.product(name: "CTICodegen", package: "cti-codegen")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
