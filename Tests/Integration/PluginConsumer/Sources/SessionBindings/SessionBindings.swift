// SessionBindings: the session destination's messages, router and handler protocol, generated at build time by
// CTICodegenPlugin from session.cti.yaml (a symbolic link to the repository's spec/session.yaml), public because
// cti-codegen.yaml says `access: public`.
//
// Everything else in this module is generated. This file exists because SwiftPM leaves out a target that has no
// Swift file of its own, before any plugin runs.
