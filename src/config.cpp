// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The lrsched authors
// The config loader (kind registry, reader, writer, dialects), compiled once for lrsched's
// own programs that load configs: the lrsched command and the config-loader tests link it
// as lrsched_config_compiled (LRSCHED_SEPARATE_COMPILATION; see <lrsched/src.hpp>).
#include <lrsched/src.hpp>
