# hubrules serve as a static binary on an empty image.
#   docker build -t hubrules .
#   docker run --rm -p 8080:8080 hubrules
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /hubrules ./cmd/hubrules

FROM scratch
COPY --from=build /hubrules /hubrules
USER 65534:65534
EXPOSE 8080
ENTRYPOINT ["/hubrules", "serve", "--addr", "0.0.0.0:8080"]
