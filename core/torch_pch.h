// Precompiled header for the torch-heavy targets (model, train, eval and their tests).
#pragma once
#include <torch/torch.h>
