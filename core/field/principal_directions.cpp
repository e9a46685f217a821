// Covariance / second moment accumulation and a symmetric eigen-solve (torch::linalg_eigh).
#include "core/field/principal_directions.h"

#include "core/field/field_error.h"

#include <torch/torch.h>

#include <cmath>
#include <string>

namespace sta::field {

PrincipalDirections principal_directions(const std::vector<float>& rows, int dim, int count,
                                         bool centred) {
  if (dim < 1) throw FieldError("principal directions: dimension " + std::to_string(dim) + " is not positive");
  if (rows.empty() || rows.size() % static_cast<size_t>(dim) != 0)
    throw FieldError("principal directions: " + std::to_string(rows.size()) +
                     " values do not form rows of dimension " + std::to_string(dim));
  if (count < 1 || count > dim)
    throw FieldError("principal directions: asked for " + std::to_string(count) +
                     " directions in dimension " + std::to_string(dim));
  const int n = static_cast<int>(rows.size() / static_cast<size_t>(dim));

  torch::NoGradGuard no_grad;
  auto data = torch::from_blob(const_cast<float*>(rows.data()), {n, dim}).to(torch::kDouble);
  if (centred) data = data - data.mean(0, /*keepdim=*/true);
  const auto moment = data.t().mm(data) / static_cast<double>(n);
  auto [ascending, columns] = torch::linalg_eigh(moment, "L");  // eigenvalues ascending, vectors as columns
  const auto eigenvalues = ascending.flip(0);
  const auto eigenvectors = columns.flip(1).t().contiguous();  // rows, by descending eigenvalue
  const auto value = eigenvalues.accessor<double, 1>();
  const auto vector = eigenvectors.accessor<double, 2>();

  PrincipalDirections result;
  for (int k = 0; k < count; ++k) {
    std::vector<float> direction(static_cast<size_t>(dim));
    int largest = 0;
    for (int c = 0; c < dim; ++c)
      if (std::abs(vector[k][c]) > std::abs(vector[k][largest])) largest = c;
    const double sign = vector[k][largest] < 0.0 ? -1.0 : 1.0;
    for (int c = 0; c < dim; ++c) direction[static_cast<size_t>(c)] = static_cast<float>(sign * vector[k][c]);
    result.directions.push_back(std::move(direction));
    result.variances.push_back(static_cast<float>(value[k]));
  }
  return result;
}

}  // namespace sta::field
