// Loads every module that registers an after-import hook (lib/import/hooks.ts), so whoever runs an
// import — the import command, the benchmarks, the app — gets them all. Import this module (for its
// effect) before calling importFolder.
import "@/lib/triage/import-hook";
