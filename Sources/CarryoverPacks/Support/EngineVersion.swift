import CarryoverManifest

/// The engine version packs declare compatibility against (`engine = ">=0.1.0, <0.2.0"`).
///
/// Read it as `CarryoverPacks.engineVersion`. Bump it with the engine's release.
public let engineVersion = SemanticVersion(0, 1, 0)
