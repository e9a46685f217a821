// A scripted module behind ModelBackend, with its contract checked (see torchscript_backend.h).
#include "core/model/torchscript_backend.h"

#include <sstream>

namespace sta::model {

namespace {

const char* const kSizeAttributes[] = {"primitives", "latent_dim", "image_size", "channels", "steps"};
const char* const kMethods[] = {"encode", "decode", "fields", "infer"};

std::string shape_text(const std::vector<int64_t>& shape) {
  std::ostringstream out;
  out << "[";
  for (size_t i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape[i];
  out << "]";
  return out.str();
}

// The method's output as `count` tensors (a tuple, or one tensor when count is 1).
std::vector<torch::Tensor> tensors_of(const c10::IValue& value, size_t count, const std::string& method) {
  std::vector<torch::Tensor> out;
  if (count == 1 && value.isTensor()) return {value.toTensor()};
  if (value.isTuple()) {
    for (const auto& element : value.toTuple()->elements()) {
      if (!element.isTensor()) break;
      out.push_back(element.toTensor());
    }
    if (out.size() == count && value.toTuple()->elements().size() == count) return out;
  }
  throw ContractError("method '" + method + "' must return " +
                      (count == 1 ? std::string("a tensor") : "a tuple of " + std::to_string(count) + " tensors") +
                      ", got " + value.tagKind());
}

void expect_shape(const torch::Tensor& t, const std::vector<int64_t>& shape, const std::string& what) {
  if (t.sizes().vec() != shape)
    throw ContractError(what + " has shape " + shape_text(t.sizes().vec()) + ", expected " + shape_text(shape));
  if (!t.is_floating_point()) throw ContractError(what + " must hold floating-point values");
}

torch::jit::Module load_module(const std::string& path, const torch::Device& device) {
  try {
    return torch::jit::load(path, device);
  } catch (const c10::Error& e) {
    throw ContractError(path + ": not a TorchScript module torch::jit::load can read (" +
                        std::string(e.what_without_backtrace()).substr(0, 300) + ")");
  }
}

}  // namespace

TorchScriptBackend::TorchScriptBackend(torch::jit::Module module, const torch::Device& device, const std::string& label)
    : module_(std::move(module)), device_(device) {
  module_.eval();
  module_.to(device_);
  check_contract(label);
}

std::shared_ptr<TorchScriptBackend> TorchScriptBackend::load(const std::string& path, const torch::Device& device) {
  try {
    return std::make_shared<TorchScriptBackend>(load_module(path, device), device, path);
  } catch (const c10::Error& e) {
    throw ContractError(path + ": calling the module failed: " + std::string(e.what_without_backtrace()).substr(0, 500));
  }
}

std::string TorchScriptBackend::read_metadata(const std::string& path) {
  const torch::jit::Module module = load_module(path, torch::kCPU);
  if (!module.hasattr("metadata")) return {};
  const auto value = module.attr("metadata");
  return value.isString() ? value.toStringRef() : std::string();
}

void TorchScriptBackend::check_contract(const std::string& label) {
  const std::string where = label + " breaks the TorchScript contract (docs/TORCHSCRIPT.md): ";
  int sizes[5];
  for (int i = 0; i < 5; ++i) {
    const std::string name = kSizeAttributes[i];
    if (!module_.hasattr(name)) throw ContractError(where + "int attribute '" + name + "' is missing");
    const auto value = module_.attr(name);
    if (!value.isInt()) throw ContractError(where + "attribute '" + name + "' must be an int, it is " + value.tagKind());
    const int64_t v = value.toInt();
    if (v < 1 || v > 4096) throw ContractError(where + "attribute '" + name + "' must be in 1..4096, it is " + std::to_string(v));
    sizes[i] = static_cast<int>(v);
  }
  config_.primitives = sizes[0];
  config_.latent_dim = sizes[1];
  config_.image_size = sizes[2];
  config_.channels = sizes[3];
  config_.steps = sizes[4];
  if (config_.primitives > 16) throw ContractError(where + "attribute 'primitives' must be at most 16");
  for (const char* name : kMethods)
    if (!module_.find_method(name)) throw ContractError(where + "method '" + std::string(name) + "' is missing");
  has_potential_ = module_.find_method("potential").has_value();

  // One call of every method on a probe batch, each output's shape checked.
  torch::NoGradGuard no_grad;
  const int64_t n = 2, k = config_.primitives, d = config_.latent_dim, c = config_.channels, s = config_.image_size,
                t = config_.steps;
  try {
    auto x = torch::full({n, c, s, s}, 0.5, torch::TensorOptions(device_));
    auto z = torch::zeros({n, d}, torch::TensorOptions(device_));
    auto q = encode(x);
    expect_shape(q.mean, {n, d}, where + "encode's mean");
    expect_shape(q.log_var, {n, d}, where + "encode's log_var");
    expect_shape(decode(z), {n, c, s, s}, where + "decode's output");
    auto f = fields(z, 1.0);
    expect_shape(f.curl_free, {k, n, d}, where + "fields' curl_free");
    expect_shape(f.div_free, {k, n, d}, where + "fields' div_free");
    if (has_potential_) expect_shape(potentials(z, 1.0), {k, n}, where + "potential's output");
    auto frames = torch::full({1, t + 1, c, s, s}, 0.5, torch::TensorOptions(device_));
    auto inferred = infer(frames);
    expect_shape(inferred.spike_probability, {1, t, k}, where + "infer's spike_probabilities");
    expect_shape(inferred.slab, {1, t, k}, where + "infer's slabs");
  } catch (const ContractError& e) {
    const std::string what = e.what();
    throw ContractError(what.rfind(where, 0) == 0 ? what : where + what);
  }
}

Gaussian TorchScriptBackend::encode(const torch::Tensor& x) {
  auto out = tensors_of(module_.get_method("encode")({x.to(device_)}), 2, "encode");
  return {out[0], out[1]};
}

torch::Tensor TorchScriptBackend::decode(const torch::Tensor& z) {
  return tensors_of(module_.get_method("decode")({z.to(device_)}), 1, "decode")[0];
}

FieldParts TorchScriptBackend::fields(const torch::Tensor& z, double t) {
  auto out = tensors_of(module_.get_method("fields")({z.to(device_), t}), 2, "fields");
  return {out[0], out[1]};
}

torch::Tensor TorchScriptBackend::potentials(const torch::Tensor& z, double t) {
  if (!has_potential_) throw ContractError("this TorchScript module has no 'potential' method");
  return tensors_of(module_.get_method("potential")({z.to(device_), t}), 1, "potential")[0];
}

StepInference TorchScriptBackend::infer(const torch::Tensor& frames) {
  auto out = tensors_of(module_.get_method("infer")({frames.to(device_)}), 2, "infer");
  StepInference inferred;
  inferred.spike_probability = out[0];
  inferred.slab = out[1];
  inferred.g = (out[0] > 0.5).to(out[1].dtype()) * out[1];
  return inferred;
}

double TorchScriptBackend::weights_checksum() const {
  torch::NoGradGuard no_grad;
  double sum = 0.0;
  for (const auto& p : module_.parameters()) sum += p.sum(torch::kDouble).item<double>();
  for (const auto& b : module_.buffers()) sum += b.sum(torch::kDouble).item<double>();
  return sum;
}

}  // namespace sta::model
