// Covariance / second moment accumulation and a symmetric eigen-solve (cv::eigen).
#include "core/field/principal_directions.h"

#include "core/field/field_error.h"

#include <opencv2/core.hpp>

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

  cv::Mat data(n, dim, CV_64F);
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < dim; ++c) data.at<double>(r, c) = rows[static_cast<size_t>(r) * dim + c];
  if (centred) {
    cv::Mat mean;
    cv::reduce(data, mean, 0, cv::REDUCE_AVG);
    for (int r = 0; r < n; ++r) data.row(r) -= mean;
  }
  cv::Mat moment = data.t() * data / static_cast<double>(n);
  cv::Mat eigenvalues, eigenvectors;  // eigenvectors as rows, eigenvalues descending
  cv::eigen(moment, eigenvalues, eigenvectors);

  PrincipalDirections result;
  for (int k = 0; k < count; ++k) {
    std::vector<float> direction(static_cast<size_t>(dim));
    int largest = 0;
    for (int c = 0; c < dim; ++c)
      if (std::abs(eigenvectors.at<double>(k, c)) > std::abs(eigenvectors.at<double>(k, largest))) largest = c;
    const double sign = eigenvectors.at<double>(k, largest) < 0.0 ? -1.0 : 1.0;
    for (int c = 0; c < dim; ++c) direction[static_cast<size_t>(c)] = static_cast<float>(sign * eigenvectors.at<double>(k, c));
    result.directions.push_back(std::move(direction));
    result.variances.push_back(static_cast<float>(eigenvalues.at<double>(k)));
  }
  return result;
}

}  // namespace sta::field
